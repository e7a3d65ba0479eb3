/**
 * A basin is a tenant. This starter carries the basin of the work at hand from where it enters a
 * service (the {@code /api/basins/{basinId}/…} path of an HTTP request, checked against the JWT's
 * {@code basins} claim; the {@code ce_basinid} header of a Kafka record) into a {@link
 * org.alize.tenancy.BasinContext} on the current thread, which picks the basin's own MongoDB database
 * and is always cleared when the work ends.
 */
package org.alize.tenancy;
