package org.disclosuresearch.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchReportWriterTest {

    @Test
    void the_hand_written_part_of_an_earlier_file_is_kept_and_nothing_else() {
        String earlier = "# Benchmarks\n\n| measured | 1 |\n\n" + BenchReportWriter.HAND_WRITTEN
                + "\n## What bounds it\n\nsmartcn.\n";
        assertEquals("\n" + BenchReportWriter.HAND_WRITTEN + "\n## What bounds it\n\nsmartcn.\n",
                BenchReportWriter.handWritten(earlier));
        assertEquals("", BenchReportWriter.handWritten("# Benchmarks\n\n| measured | 1 |\n"));
    }
}
