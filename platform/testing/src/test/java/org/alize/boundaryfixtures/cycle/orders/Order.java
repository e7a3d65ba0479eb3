package org.alize.boundaryfixtures.cycle.orders;

import org.alize.boundaryfixtures.cycle.invoices.Invoice;

/** A fixture: orders know their invoice ... */
public record Order(String id, Invoice invoice) {
}
