/**
 * The vocabulary every service's domain shares, in plain Java: {@link org.alize.kernel.Money},
 * {@link org.alize.kernel.BasinCalendar}, {@link org.alize.kernel.HistoryEntry}, {@link org.alize.kernel.LossRate},
 * and the refusals of {@link org.alize.kernel.problem}. What only one service needs stays in that service.
 */
@NullMarked
package org.alize.kernel;

import org.jspecify.annotations.NullMarked;
