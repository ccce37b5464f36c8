package org.sevahub.office;

import java.util.List;

import org.sevahub.application.Application;

/**
 * Published inside the transfer's transaction once the application and its open tasks are with the new office, so
 * that what other features wrote about the old office on those tasks (the officers' brief) follows it.
 *
 * @param openTaskIds the application's open tasks, moved or not
 */
public record ApplicationTransferred(Application application, String from, String to, List<String> openTaskIds) {
}
