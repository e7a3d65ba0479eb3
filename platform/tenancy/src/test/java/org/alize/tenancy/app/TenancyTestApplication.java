package org.alize.tenancy.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.alize.kernel.problem.RuleViolation;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service on the tenancy starter: notes kept per basin, fed by HTTP and by Kafka. */
@SpringBootApplication
public class TenancyTestApplication {

    public static final String TOPIC = "alize.tenancy-test.v1";

    @Document("notes")
    public record Note(@Id String id, String text, @Indexed String author) {
    }

    @RestController
    static class NoteController {

        private final NoteRepository notes;

        NoteController(NoteRepository notes) {
            this.notes = notes;
        }

        record NoteRequest(@NotBlank @Size(max = 200) String text) {
        }

        @PostMapping("/api/basins/{basinId}/notes")
        @ResponseStatus(HttpStatus.CREATED)
        Note add(@Valid @RequestBody NoteRequest body) {
            if (body.text().contains("interdit")) {
                throw new RuleViolation("R-99", "Cette note est interdite par la règle de test.");
            }
            if (body.text().contains("concurrente")) {
                // what a run of the same command on another instance makes the aggregate's save meet
                throw new org.springframework.dao.OptimisticLockingFailureException("written meanwhile");
            }
            return notes.save(new Note(null, body.text(), "http"));
        }

        /** For the operator only: the role is declared on the handler and checked before the body is read. */
        @PostMapping("/api/basins/{basinId}/notes/pinned")
        @ResponseStatus(HttpStatus.CREATED)
        @org.alize.tenancy.web.RequiresBasinRole(org.alize.tenancy.BasinRole.OPERATOR)
        Note pin(@Valid @RequestBody NoteRequest body) {
            return notes.save(new Note(null, "[épinglée] " + body.text(), "http"));
        }

        @GetMapping("/api/basins/{basinId}/notes")
        List<Note> list() {
            return notes.findAll();
        }

        @GetMapping("/api/network/summary")
        Map<String, Object> network() {
            return Map.of("network", BasinContext.isNetwork());
        }

        @GetMapping("/api/whoami")
        Map<String, String> whoami() {
            return Map.of("basin", BasinContext.current().map(BasinId::value).orElse(""));
        }
    }

    /** Records which basin each record was handled for, and writes a note in that basin's database. */
    @Component
    public static class NoteListener {

        public final List<Optional<BasinId>> seen = new CopyOnWriteArrayList<>();
        private final NoteRepository notes;

        NoteListener(NoteRepository notes) {
            this.notes = notes;
        }

        @KafkaListener(topics = TOPIC, groupId = "tenancy-test")
        void on(ConsumerRecord<String, String> record) {
            seen.add(BasinContext.current());
            if (BasinContext.current().isPresent()) {
                notes.save(new Note(record.key() + "-" + record.offset(), record.value(), "kafka"));
            }
        }
    }
}
