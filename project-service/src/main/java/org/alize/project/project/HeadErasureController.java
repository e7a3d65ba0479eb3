package org.alize.project.project;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.NotFound;
import org.alize.project.events.ProjectDecided;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.NetworkRole;
import org.alize.tenancy.mongo.BasinRoutingMongoDatabaseFactory;
import org.alize.tenancy.personal.ErasureRequest;
import org.alize.tenancy.personal.PersonalDataScrubber;
import org.alize.tenancy.personal.PersonalKeys;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.RequiresNetworkRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * ASTREES erases an SME's head at their request (RGPD art. 17). The head is known to project-service, and to the
 * decision's events only sealed with their own key: the key is destroyed (the events on the topic, and the mail
 * notification-service keeps of the decision, can no longer be opened), every copy in the basin's database is scrubbed
 * (the signatures of the cooperation convention, the recorded answers), the project's own document too, then the
 * project notes the erasure, last, so that a request cut by a crash is sent again and finishes.
 */
@RestController
@Tag(name = "Données personnelles")
class HeadErasureController {

    private static final Logger log = LoggerFactory.getLogger(HeadErasureController.class);

    private final ProjectService projects;
    private final MongoTemplate mongo;
    private final MongoClient client;
    private final BasinRoutingMongoDatabaseFactory databases;
    private final PersonalDataScrubber scrubber;
    private final PersonalKeys keys;
    private final Clock clock;

    HeadErasureController(ProjectService projects, MongoTemplate mongo, MongoClient client,
            BasinRoutingMongoDatabaseFactory databases, PersonalDataScrubber scrubber,
            PersonalKeys keys, Clock clock) {
        this.keys = keys;
        this.projects = projects;
        this.mongo = mongo;
        this.client = client;
        this.databases = databases;
        this.scrubber = scrubber;
        this.clock = clock;
    }

    record Erasure(String projectId, Instant erasedAt, Map<String, Integer> rewritten, long read) {
    }

    @PostMapping("/api/network/basins/{basinId}/projects/{projectId}/head/erasure")
    @Operation(summary = "Effacer le dirigeant d'une PME à sa demande (RGPD, art. 17), sur la référence de la demande",
            description = "Retire ses nom, adresse et téléphone du dossier et de toutes les données du bassin (signatures, "
                    + "réponses enregistrées). Irréversible. Une demande coupée se renvoie.")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    Erasure erase(@PathVariable String basinId, @PathVariable String projectId, @Valid @RequestBody ErasureRequest input) {
        if (!BasinId.isValid(basinId)) {
            throw new NotFound("basin.not-found", "Aucun bassin « " + basinId + " » n'a de projets.");
        }
        BasinId basin = BasinId.of(basinId);
        String database = BasinContext.callIn(basin, databases::currentDatabaseName);
        if (!client.listDatabaseNames().into(new java.util.ArrayList<>()).contains(database)) {
            throw new NotFound("basin.not-found", "Aucun bassin « " + basinId + " » n'a de projets.");
        }
        return BasinContext.callIn(basin, () -> {
            Project project = projects.get(projectId);
            if (project.headErasedAt() != null) {
                throw new Conflict("project.head-erased", "Le dirigeant de ce projet a déjà été effacé.");
            }
            Head head = project.dossier().head();
            PersonalDataScrubber.Subject subject = new PersonalDataScrubber.Subject(head.firstName(), head.lastName(),
                    head.email(), head.phone());
            keys.destroy(basin, ProjectDecided.holderKey(projectId));
            Map<String, Integer> rewritten = new TreeMap<>();
            // the other documents first, then the project's own: its record of the head goes last
            PersonalDataScrubber.Report others = scrubber.scrub(mongo.getDb(), subject,
                    (collection, id) -> collection.equals("projects") && projectId.equals(id));
            PersonalDataScrubber.Report own = scrubber.scrub(mongo.getDb(), subject,
                    (collection, id) -> !(collection.equals("projects") && projectId.equals(id)));
            others.rewritten().forEach((collection, n) -> rewritten.merge(collection, n, Integer::sum));
            own.rewritten().forEach((collection, n) -> rewritten.merge(collection, n, Integer::sum));
            Instant at = clock.instant();
            Project scrubbed = projects.get(projectId);
            scrubbed.headErased(input.request(), at, CurrentGrants.subject());
            projects.save(scrubbed);
            log.info("head of project {} of {} erased by {} (request {})", projectId, basin, CurrentGrants.subject(),
                    input.request());
            return new Erasure(projectId, at, rewritten, others.read() + own.read());
        });
    }
}
