package org.alize.messaging.app;

public record AccountCredited(String accountId, long amount, long balanceAfter) {
}
