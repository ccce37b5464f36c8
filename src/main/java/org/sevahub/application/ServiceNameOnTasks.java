package org.sevahub.application;

import org.sevahub.application.catalog.ServiceDefinition;

/**
 * The service's name as the process carries it ({@code serviceName}), which Tasklist shows on every task card and
 * form: the officers' reading, so the installation's languages decide it (org.sevahub.language), not this module.
 */
public interface ServiceNameOnTasks {

	String of(ServiceDefinition service);

}
