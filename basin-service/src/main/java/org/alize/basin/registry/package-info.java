/**
 * The network registry: basins registered by ASTREES, validated by the national steering
 * committee, then active once an operator is appointed and a partnership convention is in force;
 * suspended or closed with a reason. Basin documents live in {@code basin_network}.
 */
package org.alize.basin.registry;
