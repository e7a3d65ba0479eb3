package org.alize.tenancy.archive;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.alize.kernel.problem.NotFound;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.NetworkRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.RequiresNetworkRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * ASTREES exports this service's part of a basin's archive ({@code NETWORK_ADMIN}); the path names the service, so that
 * the gateway sends each service its own. {@code local-stack}'s {@code TenantArchiveTool} gathers the parts into one
 * archive.
 */
@RestController
class TenantArchiveController {

    private final TenantArchives archives;

    TenantArchiveController(TenantArchives archives) {
        this.archives = archives;
    }

    @GetMapping(value = "/api/network/archives/${spring.application.name}/basins/{basinId}", produces = "application/zip")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    void export(@PathVariable String basinId, HttpServletResponse response) throws IOException {
        if (!BasinId.isValid(basinId) || !archives.holds(BasinId.of(basinId))) {
            throw new NotFound("basin.not-found", "Ce service ne garde rien d'un bassin « " + basinId + " ».");
        }
        String by = CurrentGrants.subject();
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + basinId + ".zip\"");
        archives.export(BasinId.of(basinId), by, response.getOutputStream());
    }
}
