package uk.assure.plan;

/** How exactly a due date was written. For a period the deadline is its last day. */
public enum DuePrecision {
    /** One day: {@code 31/08/2018}, {@code 29 January 2010}. */
    DAY,
    /** A month: {@code Mar.19}, {@code November 2017}. */
    MONTH,
    /** A calendar quarter: {@code Q3 2019}. */
    QUARTER,
    /** A calendar year ({@code 2019}) or a UK financial year ({@code 2018/19}). */
    YEAR,
    /** From one period to another: {@code September 2017 - September 2018}. */
    RANGE,
    /** No deadline: the work goes on or recurs ({@code Ongoing}, {@code Quarterly}). */
    ONGOING,
    /** Due at once: the deadline is the day the plan was written. */
    IMMEDIATE,
    /** No date could be read, or none was given. */
    UNKNOWN
}
