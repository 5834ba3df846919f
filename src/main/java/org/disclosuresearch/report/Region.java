package org.disclosuresearch.report;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Where an agency sits, by GB/T 2260 names; a level below the agency's own is null. */
public record Region(String province, String city, String county) {
    public static final Region NONE = new Region(null, null, null);

    @JsonIgnore
    public boolean isEmpty() {
        return province == null && city == null && county == null;
    }
}
