package org.alize.tenancy.app;

import org.alize.tenancy.app.TenancyTestApplication.Note;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface NoteRepository extends MongoRepository<Note, String> {
}
