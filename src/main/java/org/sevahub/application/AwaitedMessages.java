package org.sevahub.application;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The messages an application's processes wait for now: what the citizen may do next (submit, pay, reply, appeal,
 * withdraw). Every upload, submission and status page asks.
 * <p>
 * Why a read of the engine's runtime tables and not its query API: the API takes one query for the application's
 * process instances and one more for each instance's subscriptions, each an engine command with its own
 * transaction (3.7% of a node's CPU under the load test). This is one indexed read of the same rows
 * ({@code ACT_RU_EXECUTION} by business key, {@code ACT_RU_EVENT_SUBSCR} by process instance), in the tables
 * Camunda documents as its runtime schema. {@code AwaitedMessagesTest} holds it to the API's answer in every state
 * of the processes, so an engine upgrade that moved these columns fails there.
 */
@Repository
class AwaitedMessages {

	/** Camunda's {@code SuspensionState.ACTIVE}. */
	private static final int ACTIVE = 1;

	private final JdbcClient jdbc;

	AwaitedMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The message names the active process instances of this business key subscribe to. */
	Set<String> of(String applicationNo) {
		return new LinkedHashSet<>(jdbc.sql("""
				SELECT DISTINCT s.EVENT_NAME_ FROM ACT_RU_EXECUTION p
				JOIN ACT_RU_EVENT_SUBSCR s ON s.PROC_INST_ID_ = p.ID_
				WHERE p.BUSINESS_KEY_ = :no AND p.ID_ = p.PROC_INST_ID_ AND p.SUSPENSION_STATE_ = :active
				  AND s.EVENT_TYPE_ = 'message'""")
			.param("no", applicationNo)
			.param("active", ACTIVE)
			.query(String.class)
			.list());
	}

}
