package org.alize.boundaryfixtures.clean.orders;

import org.alize.boundaryfixtures.clean.invoices.Invoice;

/** A fixture: orders know their invoice, and invoices know nothing of orders. */
public record Order(String id, Invoice invoice) {
}
