package org.alize.identity.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.alize.kernel.Digests;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.NotFound;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The accounts, in the network database whatever the caller's context: an account spans basins. Each
 * command loads one account and saves it under its {@code @Version}; login counters are single atomic
 * updates that bump the version too, so an administrator's concurrent save is refused rather than lost.
 */
@Component
public class Accounts {

    private final MongoTemplate mongo;

    public Accounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Account> find(String login) {
        if (login == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BasinContext.callInNetwork(() -> mongo.findById(login, Account.class)));
    }

    public Account get(String login) {
        return find(login).orElseThrow(() -> new NotFound("account.not-found",
                "Aucun compte « " + printable(login) + " »."));
    }

    public Optional<Account> findByEmail(String email) {
        return Optional.ofNullable(BasinContext.callInNetwork(() -> mongo.findOne(
                query(where("email").is(Account.normalise(email))), Account.class)));
    }

    public Optional<Account> findByInvitation(String token) {
        return Optional.ofNullable(BasinContext.callInNetwork(() -> mongo.findOne(
                query(where("invitation.tokenHash").is(Digests.sha256Hex(token))), Account.class)));
    }

    public Optional<Account> findByPasswordReset(String token) {
        return Optional.ofNullable(BasinContext.callInNetwork(() -> mongo.findOne(
                query(where("passwordReset.tokenHash").is(Digests.sha256Hex(token))), Account.class)));
    }

    public Optional<Account> findByEmailChange(String token) {
        return Optional.ofNullable(BasinContext.callInNetwork(() -> mongo.findOne(
                query(where("emailChange.tokenHash").is(Digests.sha256Hex(token))), Account.class)));
    }

    /** The account of {@code personId} in {@code basin}, as linked when an appointment was followed. */
    public Optional<Account> findByPerson(BasinId basin, String personId) {
        return Optional.ofNullable(BasinContext.callInNetwork(() -> mongo.findOne(
                query(where("people." + basin.value()).is(personId)), Account.class)));
    }

    /** Accounts holding appointed roles in {@code basin}. */
    public List<Account> appointedIn(BasinId basin) {
        return BasinContext.callInNetwork(() -> mongo.find(
                query(where("appointedRoles." + basin.value()).exists(true)), Account.class));
    }

    public Account insert(Account account) {
        try {
            return BasinContext.callInNetwork(() -> mongo.insert(account));
        } catch (DuplicateKeyException e) {
            boolean loginTaken = find(account.login()).isPresent();
            throw new Conflict(loginTaken ? "account.login-taken" : "account.email-taken", loginTaken
                    ? "L'identifiant « " + account.login() + " » est déjà pris."
                    : "Un compte existe déjà pour l'adresse " + account.email() + ".");
        }
    }

    public Account save(Account account) {
        return BasinContext.callInNetwork(() -> mongo.save(account));
    }

    /**
     * Accounts matching {@code text} (login, name or e-mail) and, when given, holding a role in {@code basin},
     * by login.
     */
    public Page<Account> search(String text, BasinId basin, Pageable page) {
        List<Criteria> criteria = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            String pattern = Pattern.quote(text.strip());
            criteria.add(new Criteria().orOperator(where("_id").regex(pattern, "i"), where("displayName").regex(pattern, "i"),
                    where("email").regex(pattern, "i")));
        }
        if (basin != null) {
            criteria.add(new Criteria().orOperator(where("basinRoles." + basin.value()).exists(true),
                    where("appointedRoles." + basin.value()).exists(true)));
        }
        Query query = criteria.isEmpty() ? new Query() : query(new Criteria().andOperator(criteria));
        return BasinContext.callInNetwork(() -> {
            long total = mongo.count(query, Account.class);
            List<Account> content = mongo.find(Query.of(query).with(Sort.by("_id")).with(page), Account.class);
            return new PageImpl<>(content, page, total);
        });
    }

    /** Counts one more wrong password; locks the account until {@code lockUntil} when it reaches {@code max}. */
    public void recordFailure(String login, int max, Instant lockUntil) {
        BasinContext.callInNetwork(() -> {
            Account after = mongo.findAndModify(query(where("_id").is(login)),
                    new Update().inc("failedLogins", 1).inc("version", 1),
                    FindAndModifyOptions.options().returnNew(true), Account.class);
            if (after != null && after.failedLogins() >= max) {
                mongo.updateFirst(query(where("_id").is(login)), new Update().set("failedLogins", 0)
                        .set("lockedUntil", lockUntil).inc("version", 1)
                        .push("history", new AccountChange(Instant.now(), "identity-service",
                                "Compte verrouillé après " + max + " mots de passe erronés")), Account.class);
            }
            return null;
        });
    }

    public void recordSuccess(String login, Instant at) {
        BasinContext.callInNetwork(() -> mongo.updateFirst(query(where("_id").is(login)),
                new Update().set("failedLogins", 0).unset("lockedUntil").set("lastLoginAt", at).inc("version", 1),
                Account.class));
    }

    private static String printable(String raw) {
        String printable = raw == null ? "" : raw.replaceAll("[^\\p{Alnum}._-]", "?");
        return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
    }
}
