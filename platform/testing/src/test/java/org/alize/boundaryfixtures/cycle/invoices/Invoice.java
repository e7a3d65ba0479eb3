package org.alize.boundaryfixtures.cycle.invoices;

import org.alize.boundaryfixtures.cycle.orders.Order;

/** ... and invoices reach back into orders: the cycle introduced on purpose. */
public record Invoice(String number, Order order) {
}
