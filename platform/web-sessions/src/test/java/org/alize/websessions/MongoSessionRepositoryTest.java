package org.alize.websessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.mongodb.client.MongoCollection;
import org.alize.testing.MemoryMongo;
import org.alize.testing.SettableClock;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;

/** Two instances of a service, each with its own repository on the one collection: a session is theirs alike. */
class MongoSessionRepositoryTest {

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();
    private static int collections;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private final MongoCollection<Document> sessions = MONGO.client().getDatabase("console_sessions")
            .getCollection("http_sessions_" + (++collections));
    private final MongoSessionRepository first = new MongoSessionRepository(sessions, Duration.ofHours(8), clock);
    private final MongoSessionRepository second = new MongoSessionRepository(sessions, Duration.ofHours(8), clock);


    @Test
    @DisplayName("a person logged in on one instance is logged in on the other, with the same security context")
    void aSessionSavedByOneInstanceIsReadByAnother() {
        var session = first.createSession();
        session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                "karim", null, List.of(new SimpleGrantedAuthority("OPERATOR")))));
        session.setAttribute("org.springframework.security.web.csrf.CSRF_TOKEN", "jeton-é");
        first.save(session);

        var read = second.findById(session.getId());

        assertThat(read).isNotNull();
        SecurityContextImpl context = read.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getName()).isEqualTo("karim");
        assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("OPERATOR");
        assertThat((String) read.getAttribute("org.springframework.security.web.csrf.CSRF_TOKEN")).isEqualTo("jeton-é");
        assertThat(read.getMaxInactiveInterval()).isEqualTo(Duration.ofHours(8));
        // every session of a person, from any instance: what ends them all when the password is set again
        assertThat(second.findByPrincipalName("karim")).containsOnlyKeys(session.getId());
        assertThat(second.findByPrincipalName("lea")).isEmpty();
    }

    @Test
    @DisplayName("a new id at login replaces the old one, which no longer opens the session")
    void aChangedIdReplacesTheOldOne() {
        var session = first.createSession();
        session.setAttribute("step", "before login");
        first.save(session);
        String before = session.getId();

        var read = second.findById(before);
        String after = read.changeSessionId();
        read.setAttribute("step", "logged in");
        second.save(read);

        assertThat(first.findById(before)).isNull();
        assertThat((String) first.findById(after).getAttribute("step")).isEqualTo("logged in");
        assertThat(sessions.countDocuments()).isEqualTo(1);
    }

    @Test
    @DisplayName("a session idle longer than its lifetime is gone; a session in use lives on, touched at most once a minute")
    void idleSessionsExpireAndReadsTouchAtMostOnceAMinute() {
        var session = first.createSession();
        session.setAttribute("x", "y");
        first.save(session);

        clock.advance(Duration.ofSeconds(20));
        var read = second.findById(session.getId());
        read.setLastAccessedTime(clock.instant());
        second.save(read);
        assertThat(sessions.find().first().getDate("lastAccessedAt").toInstant()).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));

        clock.advance(Duration.ofHours(7));
        read = second.findById(session.getId());
        read.setLastAccessedTime(clock.instant());
        second.save(read);
        assertThat(sessions.find().first().getDate("lastAccessedAt").toInstant()).isEqualTo(clock.instant());

        clock.advance(Duration.ofHours(7).plusMinutes(59));
        assertThat(first.findById(session.getId())).isNotNull();
        clock.advance(Duration.ofMinutes(2));
        assertThat(first.findById(session.getId())).isNull();
        assertThat(sessions.countDocuments()).isZero();
    }

    @Test
    @DisplayName("logging out deletes the session everywhere; an attribute that cannot be shared is refused when saved")
    void logoutDeletesAndUnshareableAttributesAreRefused() {
        var session = first.createSession();
        session.setAttribute("x", "y");
        first.save(session);
        second.deleteById(session.getId());
        assertThat(first.findById(session.getId())).isNull();

        var other = first.createSession();
        other.setAttribute("thread", new Object());
        assertThatThrownBy(() -> first.save(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not serialisable");
    }

    @Test
    @DisplayName("a stored session that cannot be read back (a class changed) is dropped: the person logs in again")
    void anUnreadableSessionIsDropped() {
        var session = first.createSession();
        session.setAttribute("x", "y");
        first.save(session);
        sessions.updateOne(new Document("_id", session.getId()), new Document("$set", new Document("attributes",
                List.of(new Document("name", "x").append("value", new org.bson.types.Binary(new byte[] {1, 2, 3}))))));

        assertThat(second.findById(session.getId())).isNull();
        assertThat(sessions.countDocuments()).isZero();
    }
}
