package org.alize.messaging.app;

public record AccountAnnotated(String accountId, String memo) {
}
