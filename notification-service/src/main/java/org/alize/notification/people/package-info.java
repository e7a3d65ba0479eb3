/**
 * Who the mails of a basin can go to: the people of basin-service's register (their address and name, opened from
 * their sealed values with their key: an erased person's are gone), the approval committee's memberships, and the few
 * facts of the projects that mails name. Fed by the basin and project topics, one document per fact, by id.
 */
package org.alize.notification.people;
