package dev.eshop.platform.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void idsAreVersion7AndTimeOrdered() {
        long before = System.currentTimeMillis();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.newId());
        }
        long after = System.currentTimeMillis();

        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            long millis = id.getMostSignificantBits() >>> 16; // the first 48 bits: Unix epoch milliseconds
            assertThat(millis).isBetween(before, after);
        });
        assertThat(ids).doesNotHaveDuplicates();
        // Made one after another, even within one millisecond, they sort in the order they were made.
        assertThat(ids.stream().map(UUID::toString).toList()).isSorted();
    }
}
