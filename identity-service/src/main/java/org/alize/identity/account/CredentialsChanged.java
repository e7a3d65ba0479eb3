package org.alize.identity.account;

/**
 * An account's password was set again: whatever was signed in with the old one (refresh tokens, the provider's
 * login sessions) must end. Published in the process; the authorization store and the session registry listen.
 */
public record CredentialsChanged(String login) {
}
