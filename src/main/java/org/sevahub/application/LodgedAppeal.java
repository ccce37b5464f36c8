package org.sevahub.application;

/**
 * What an application's APPEAL_LODGED event keeps for officers (application_event.facts), to be put in their words.
 *
 * @param level   "first" or "second", the appeal's level under the Right to Services Act
 * @param grounds the citizen's grounds of appeal as written (an Aadhaar number in them masked when it was filed)
 */
public record LodgedAppeal(String level, String grounds) {
}
