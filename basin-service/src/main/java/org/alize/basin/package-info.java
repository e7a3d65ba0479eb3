/**
 * basin-service: the network registry of basins and their national validation, each basin's
 * organisations, people, committees, partnership and operator conventions, local support schemes, and
 * the network meetings. It publishes {@code alize.basin.v1}. Packages are features: {@code registry},
 * and one per further part of the basin's life.
 */
package org.alize.basin;
