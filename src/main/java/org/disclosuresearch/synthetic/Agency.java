package org.disclosuresearch.synthetic;

import org.disclosuresearch.report.Region;

/**
 * A synthetic issuing agency.
 *
 * @param name  the full name as a report would print it (温州市医疗保障局)
 * @param region where it sits, at the agency's own level
 * @param type  its agency type (a value of agency-types.csv)
 * @param place the region name used in its narrative (温州市)
 */
record Agency(String name, Region region, String type, String place) {
}
