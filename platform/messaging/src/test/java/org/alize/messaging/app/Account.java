package org.alize.messaging.app;

import org.alize.messaging.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("accounts")
public class Account extends AggregateRoot {

    @Id
    private final String id;
    private long balance;

    Account(String id, long balance) {
        this.id = id;
        this.balance = balance;
    }

    public static Account open(String id) {
        return new Account(id, 0);
    }

    public Account credit(long amount) {
        balance += amount;
        raise(new AccountCredited(id, amount, balance));
        return this;
    }

    /** A note of any length: how the tests make an event too large for the broker, or for the outbox. */
    public Account annotate(String memo) {
        raise(new AccountAnnotated(id, memo));
        return this;
    }

    public String id() {
        return id;
    }

    public long balance() {
        return balance;
    }
}
