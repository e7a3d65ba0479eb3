package org.alize.boundaryfixtures.clean.invoices;

/** Knows nothing of orders. */
public record Invoice(String number, String orderId) {
}
