/**
 * notification-service: what the platform tells people by mail. It keeps, per basin, the people it may write to (a
 * replica of basin-service's register: address, name, committee membership), the facts of the projects its mails name,
 * each person's preferences, and every mail it wrote (the basin's delivery log). Mails are written by the consumers
 * of the topics, one document per mail with an id derived from the event and the recipient (a replay writes nothing
 * twice), then sent by {@link org.alize.notification.mail.MailDispatcher} from the network's queue of mails due,
 * retried with back-off; those a person wants weekly wait for their digest.
 */
package org.alize.notification;
