package org.alize.identity.account;

import java.time.Instant;

/** One change to an account, in French, with who made it and when. */
public record AccountChange(Instant at, String by, String what) {
}
