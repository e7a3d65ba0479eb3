package org.alize.identity.account;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alize.tenancy.web.CurrentGrants;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** « Mon compte » for the holder of the token: what the platform knows them as, their name and their address. */
@RestController
@RequestMapping("/api/me")
@Tag(name = "Mon compte")
class OwnAccountController {

    record Me(String login, String displayName, String email, String pendingEmail, Instant pendingEmailExpiresAt,
            boolean secondFactorEnrolled) {

        static Me of(Account account) {
            Account.EmailChange pending = account.emailChange();
            return new Me(account.login(), account.displayName(), account.email(),
                    pending == null ? null : pending.email(), pending == null ? null : pending.expiresAt(),
                    account.secondFactor() != null);
        }
    }

    record NameRequest(String displayName) {
    }

    record EmailChangeRequest(String email, String currentPassword) {
    }

    private final OwnAccount own;

    OwnAccountController(OwnAccount own) {
        this.own = own;
    }

    @GetMapping
    @Operation(summary = "Mon compte : identifiant, nom affiché, adresse et changement d'adresse en attente")
    Me me() {
        return Me.of(own.get(CurrentGrants.subject()));
    }

    @PutMapping("/display-name")
    @Operation(summary = "Changer mon nom affiché (120 caractères au plus)",
            description = "Les pages le montrent aussitôt ; les jetons émis ensuite le portent.")
    Me rename(@RequestBody NameRequest request) {
        return Me.of(own.rename(CurrentGrants.subject(), request.displayName()));
    }

    @PostMapping("/email-change")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Demander à changer mon adresse électronique",
            description = "Demande le mot de passe actuel. Un lien, valable 24 heures et une seule fois, est envoyé à la "
                    + "nouvelle adresse ; elle devient celle du compte quand il est suivi, et l'ancienne en est avertie. "
                    + "La réponse est la même si l'adresse est déjà celle d'un autre compte (aucun lien n'est alors envoyé).")
    Map<String, String> requestEmailChange(@RequestBody EmailChangeRequest request) {
        own.requestEmailChange(CurrentGrants.subject(), request.email(), request.currentPassword());
        return Map.of("detail", OwnAccount.EMAIL_CHANGE_ANSWER);
    }

    @DeleteMapping("/email-change")
    @Operation(summary = "Annuler le changement d'adresse en attente (son lien cesse de fonctionner)")
    Me cancelEmailChange() {
        return Me.of(own.cancelEmailChange(CurrentGrants.subject()));
    }
}
