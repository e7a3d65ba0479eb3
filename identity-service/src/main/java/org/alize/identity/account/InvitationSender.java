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
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.info("{} for {} <{}>: {}", what, to.login(), to.email(), link);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.email());
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("{} mail to {} failed: {}", what, to.email(), e.getMessage());
        }
    }

    private static String french(java.time.Instant at) {
        return FRENCH_DATE.format(at.atZone(BasinCalendar.ZONE));
    }
}
