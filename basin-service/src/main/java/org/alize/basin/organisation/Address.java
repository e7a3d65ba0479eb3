package org.alize.basin.organisation;

/** A postal address; every part optional. */
public record Address(String street, String postcode, String city) {
}
