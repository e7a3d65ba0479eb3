/**
 * Roles that follow appointments recorded in basin-service: a seat on the approval committee gives
 * {@code COMMITTEE_MEMBER}, a chair or seat on the local steering committee {@code STEERING_MEMBER}, for as
 * long as the appointment lasts. A person appointed without an account gets one, and an invitation.
 */
package org.alize.identity.appointment;
