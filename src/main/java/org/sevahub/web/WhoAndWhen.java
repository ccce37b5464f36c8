package org.sevahub.web;

import java.time.Instant;

/**
 * What the citizen's status page says about who decides and by when.
 *
 * @param decidedBy  the post that has the application now (the designated officer, or an appellate officer
 *                   hearing an appeal or an overdue application), in the reader's language; null once decided
 * @param office     the office that has the application, by name; null until applications record their office
 * @param decideBy   the date by which that post must decide: the disposal period, or the appeal's when an appeal
 *                   reopens the application
 * @param appealBy   the last day to appeal, once a rejection or a missed deadline opens an appeal
 * @param appealTo   the post an appeal goes to, with {@link #appealBy()}
 */
public record WhoAndWhen(String serviceName, String decidedBy, String office, Instant decideBy, Instant appealBy,
		String appealTo) {
}
