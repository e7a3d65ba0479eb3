package org.alize.tenancy;

import org.alize.kernel.problem.NotFound;

/**
 * A basin purged in this service (offboarding) is sealed: nothing reads or writes its database any more, so that no
 * late handler, sweep or request makes it again. To an API caller it is a basin that is not here (404).
 */
public class PurgedBasinException extends NotFound {

    public PurgedBasinException(BasinId basin) {
        super("basin-purged", "Le bassin " + basin.value() + " a été purgé de la plateforme : ses données n'existent plus.");
    }
}
