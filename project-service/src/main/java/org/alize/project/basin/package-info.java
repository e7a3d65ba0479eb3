/**
 * A local replica of what basin-service publishes and projects need: the approval committee's dated
 * composition, the local steering committee, organisations (partner companies and their skills),
 * people, support schemes and the operator. Fed from {@code alize.basin.v1}, idempotently: each fact
 * keeps the {@code ce_sequence} of its aggregate and an older event never overwrites a newer one.
 */
package org.alize.project.basin;
