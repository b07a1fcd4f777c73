package dev.eshop.platform.web;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import java.util.UUID;

/**
 * New ids: UUID version 7, time-ordered, so ids sort by creation and index well in B-trees.
 */
public final class Ids {

    // Keeps ids made within one millisecond in order too (monotonic counter in the random bits).
    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    public static UUID newId() {
        return GENERATOR.generate();
    }
}
