package org.alize.identity.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.alize.identity.IdentitySettings;
import org.alize.kernel.BasinCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Delivers invitation links: by e-mail when {@code spring.mail.host} configures a mail server, otherwise
 * in the service's log (development). A delivery failure is logged and does not undo the invitation:
 * ASTREES or the operator can send a new one.
 */
@Component
public class InvitationSender {

    private static final Logger log = LoggerFactory.getLogger(InvitationSender.class);

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH);

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    /** One mail at a time, at most a hundred waiting: a flood of requests cannot pile up threads or memory. */
    private final java.util.concurrent.ThreadPoolExecutor later = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0,
            java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(100),
            runnable -> new Thread(runnable, "account-mail"), (refused, executor) ->
            log.warn("account mail dropped: {} mails are waiting already", executor.getQueue().size()));

    private final String issuer;

    public InvitationSender(ObjectProvider<JavaMailSender> mail,
            @Value("${alize.identity.mail-from:ne-pas-repondre@alize.example}") String from, IdentitySettings settings) {
        this.mail = mail;
        this.from = from;
        this.issuer = settings.issuer();
    }

    /** The page where the holder of {@code token} chooses a password. */
    public String link(String token) {
        return issuer + "/invitation?jeton=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** The page where the holder of an account accepts to join a basin. */
    public String joinLink(String token) {
        return issuer + "/rejoindre?jeton=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /**
     * Sends on another thread, so that neither the answer to a request nor its time depends on the mail server (nor
     * tells whether a mail left at all).
     */
    public void later(Runnable sending) {
        later.execute(sending);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        later.shutdown();
    }

    /** The page where the holder of an address-change {@code token} confirms it. */
    public String emailChangeLink(String token) {
        return issuer + "/adresse/confirmation?jeton=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** Sends the confirmation link to the new address (not yet the account's). */
    public void sendEmailChange(Account account, String newEmail, String link, java.time.Instant expiresAt) {
        deliver("address change", account.login(), newEmail, link, "Confirmer votre nouvelle adresse ALIZÉ", "Bonjour "
                + account.displayName() + ",\n\nVous avez demandé que cette adresse devienne celle de votre compte ALIZÉ "
                + "(identifiant : " + account.login() + ").\nConfirmez-le en suivant ce lien, valable une seule fois jusqu'au "
                + french(expiresAt) + " :\n\n" + link + "\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce "
                + "message : rien ne change sans votre confirmation.\n\nL'équipe ALIZÉ");
    }

    /** Tells the former address that the account's address changed (whoever did it, its holder learns it there). */
    public void sendEmailChanged(Account account, String formerEmail) {
        deliver("address changed", account.login(), formerEmail, null, "Votre adresse ALIZÉ a changé", "Bonjour "
                + account.displayName() + ",\n\nL'adresse de votre compte ALIZÉ (identifiant : " + account.login()
                + ") est désormais " + masked(account.email()) + " : les messages de la plateforme, et les liens pour "
                + "choisir un nouveau mot de passe, y sont envoyés.\n\nSi vous n'êtes pas à l'origine de ce changement, "
                + "prévenez sans attendre l'opérateur de votre bassin ou l'équipe ALIZÉ d'ASTREES : ils peuvent désactiver "
                + "le compte.\n\nL'équipe ALIZÉ");
    }

    /** {@code c…@exemple.fr}: enough for its holder to recognise, not enough to copy from a mail read over a shoulder. */
    static String masked(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at <= 0 ? "(inconnue)" : email.charAt(0) + "…" + email.substring(at);
    }

    /** The page where the holder of a password-reset {@code token} chooses a new password. */
    public String resetLink(String token) {
        return issuer + "/mot-de-passe/nouveau?jeton=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** Sends the link that sets a new password to the account's address (logged instead when no mail is configured). */
    public void sendPasswordReset(Account account, String link, java.time.Instant expiresAt) {
        deliver("password reset", account, link, "Réinitialiser votre mot de passe ALIZÉ", "Bonjour " + account.displayName()
                + ",\n\nUne nouvelle saisie du mot de passe a été demandée pour votre compte (identifiant : " + account.login()
                + ").\nChoisissez-en un nouveau en suivant ce lien, valable une seule fois jusqu'au " + french(expiresAt)
                + " :\n\n" + link + "\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de "
                + "passe actuel reste valable.\n\nL'équipe ALIZÉ");
    }

    /** Tells the holder of an existing account that a basin invites them; nothing changes until they accept. */
    public void sendBasinInvitation(Account holder, org.alize.tenancy.BasinId basin,
            java.util.Set<org.alize.tenancy.BasinRole> roles, String link, java.time.Instant expiresAt) {
        deliver("invitation to join " + basin, holder, link, "Invitation à rejoindre le bassin " + basin
                + " sur la plateforme ALIZÉ", "Bonjour " + holder.displayName() + ",\n\n"
                + "L'opérateur du bassin " + basin + " vous invite à y participer (rôles : " + roles + ").\n"
                + "Connectez-vous avec votre compte habituel puis acceptez en suivant ce lien, valable jusqu'au "
                + french(expiresAt) + " :\n\n" + link
                + "\n\nSi vous n'attendiez pas ce message, ignorez-le : rien ne change sans votre accord.\n\nL'équipe ALIZÉ");
    }

    public void send(Account account, String link) {
        deliver("invitation", account, link, "Votre accès à la plateforme ALIZÉ", "Bonjour " + account.displayName() + ",\n\n"
                + "Un compte a été ouvert pour vous sur la plateforme du réseau ALIZÉ (identifiant : " + account.login()
                + ").\nChoisissez votre mot de passe en suivant ce lien, valable jusqu'au "
                + french(account.invitation().expiresAt()) + " :\n\n" + link
                + "\n\nSi vous n'attendiez pas ce message, ignorez-le.\n\nL'équipe ALIZÉ");
    }

    /** One mail to the account's address, or its link in the log without a mail server; a failure is logged. */
    private void deliver(String what, Account to, String link, String subject, String text) {
        deliver(what, to.login(), to.email(), link, subject, text);
    }

    private void deliver(String what, String login, String address, String link, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.info("{} for {} <{}>: {}", what, login, address, link == null ? "(no link)" : link);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(address);
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("{} mail to {} failed: {}", what, address, e.getMessage());
        }
    }

    private static String french(java.time.Instant at) {
        return FRENCH_DATE.format(at.atZone(BasinCalendar.ZONE));
    }
}
