package org.alize.basin.registry;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Basins, at network level: use only with the network scope open. */
public interface BasinRepository extends MongoRepository<Basin, String> {
}
