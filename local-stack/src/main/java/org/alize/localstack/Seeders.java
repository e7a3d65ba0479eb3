package org.alize.localstack;

import java.util.List;

/** The demo seeders, run in this order once the services are healthy. Adding one is one line here. */
public final class Seeders {

    public static final List<Seeder> ALL = List.of(
            new AccountSeeder(),
            new BasinSeeder(),
            new ProjectSeeder(),
            new FinanceSeeder());

    private Seeders() {
    }
}
