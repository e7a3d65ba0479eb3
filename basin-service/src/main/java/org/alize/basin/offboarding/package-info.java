/**
 * Offboarding: a closed basin's data is kept for the legal period ({@code alize.offboarding.retention}, ten years by
 * default), then purged on ASTREES' order, after a dry run that shows what would go. Basin-service marks the basin
 * purged in the registry ({@code BasinPurged}), drops its own copy and the basin's keys in the vault; every other
 * service drops its own when it reads the event.
 */
package org.alize.basin.offboarding;
