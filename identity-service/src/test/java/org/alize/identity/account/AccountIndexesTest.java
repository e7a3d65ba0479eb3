package org.alize.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

class AccountIndexesTest {

    @Test
    void every_link_is_found_by_its_hash_through_an_index_and_an_address_belongs_to_one_account() {
        MongoMappingContext context = new MongoMappingContext();
        context.setAutoIndexCreation(true);
        // dates and the like are values, as the service's converter declares them
        context.setSimpleTypeHolder(new MongoCustomConversions(List.of()).getSimpleTypeHolder());
        List<String> keys = new ArrayList<>();
        List<String> unique = new ArrayList<>();
        for (IndexDefinition index : IndexResolver.create(context).resolveIndexFor(Account.class)) {
            String key = index.getIndexKeys().keySet().iterator().next();
            keys.add(key);
            if (Boolean.TRUE.equals(index.getIndexOptions().get("unique"))) {
                unique.add(key);
            }
        }
        assertThat(keys).contains("email", "invitation.tokenHash", "passwordReset.tokenHash", "emailChange.tokenHash");
        assertThat(unique).containsExactly("email");
    }
}
