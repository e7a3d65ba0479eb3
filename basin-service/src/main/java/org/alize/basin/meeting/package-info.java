/**
 * The life of the network: ASTREES holds at least three "Vie du réseau" meetings a year with the
 * local operators (committee presidents may attend) and one national event. Network-level, in
 * {@code basin_network}; each basin invited hears of a meeting held on its own stream.
 */
package org.alize.basin.meeting;
