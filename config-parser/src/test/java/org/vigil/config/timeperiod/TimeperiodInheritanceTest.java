package org.vigil.config.timeperiod;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected caches are what nagios4 -vp (4.4.6) printed for the same definitions. */
class TimeperiodInheritanceTest {

    @Test
    void weekdaysComeFromTheTemplateOnlyWhereTheChildSetsNone() {
        TimeperiodRules template = Lines.rules("tuesday 01:00-02:00", "monday 05:00-06:00");
        TimeperiodRules child = Lines.rules("monday 09:00-10:00", "monday 11:00-12:00");

        assertThat(Lines.cache(child.inheritFrom(template)))
                .containsExactly("monday\t11:00-12:00", "tuesday\t01:00-02:00");
    }

    @Test
    void templateExceptionsAreAppendedInReverseUnlessTheChildNamesTheSameDays() {
        TimeperiodRules t1 = Lines.rules("july 6 01:00-02:00", "july 7 01:00-02:00", "day 9 01:00-02:00",
                "wednesday 01:00-02:00");
        TimeperiodRules t2 = Lines.rules("july 8 01:00-02:00", "july 4 05:00-06:00", "thursday 01:00-02:00",
                "wednesday 03:00-04:00");
        TimeperiodRules child = Lines.rules("july 4 01:00-02:00", "july 5 03:00-04:00", "day 1 01:00-02:00",
                "monday 09:00-10:00");

        assertThat(Lines.cache(child.inheritFrom(t1).inheritFrom(t2))).containsExactly(
                "july 4\t01:00-02:00",
                "july 5\t03:00-04:00",
                "july 7\t01:00-02:00",
                "july 6\t01:00-02:00",
                "july 8\t01:00-02:00",
                "day 1\t01:00-02:00",
                "day 9\t01:00-02:00",
                "monday\t09:00-10:00",
                "wednesday\t01:00-02:00",
                "thursday\t01:00-02:00");
    }

    @Test
    void sameDaysWithADifferentSkipAreDifferentExceptionsAndTemplateDuplicatesCollapse() {
        TimeperiodRules template = Lines.rules("july 6 - july 9 / 2 01:00-02:00", "july 10 - july 12 01:00-02:00",
                "day 7 01:00-02:00", "day 7 02:00-03:00");
        TimeperiodRules child = Lines.rules("july 6 - july 9 / 3 01:00-02:00",
                "july 10 - july 12 / 2 01:00-02:00", "monday 09:00-12:00,13:00-17:00");

        assertThat(Lines.cache(child.inheritFrom(template))).containsExactly(
                "july 6 - july 9 / 3\t01:00-02:00",
                "july 10 - july 12 / 2\t01:00-02:00",
                "july 10 - july 12\t01:00-02:00",
                "july 6 - july 9 / 2\t01:00-02:00",
                "day 7\t02:00-03:00",
                "monday\t09:00-12:00,13:00-17:00");
    }

    @Test
    void singleDayWrittenAsARangeIsTheSameDaysAsTheShortForm() {
        TimeperiodRules template = Lines.rules("july 4 01:00-02:00");
        TimeperiodRules child = Lines.rules("july 4 - july 4 00:00-24:00");

        assertThat(Lines.cache(child.inheritFrom(template))).containsExactly("july 4\t00:00-24:00");
    }

    @Test
    void templatesOfTemplatesAreResolvedFirst() {
        TimeperiodRules t0 = Lines.rules("july 1 01:00-02:00", "july 2 01:00-02:00", "day 5 01:00-02:00",
                "friday 01:00-02:00");
        TimeperiodRules t1 = Lines.rules("july 3 01:00-02:00", "day 6 01:00-02:00").inheritFrom(t0);
        TimeperiodRules child = Lines.rules("july 4 01:00-02:00", "monday 09:00-10:00");

        assertThat(Lines.cache(child.inheritFrom(t1))).containsExactly(
                "july 4\t01:00-02:00",
                "july 1\t01:00-02:00",
                "july 2\t01:00-02:00",
                "july 3\t01:00-02:00",
                "day 5\t01:00-02:00",
                "day 6\t01:00-02:00",
                "monday\t09:00-10:00",
                "friday\t01:00-02:00");
    }
}
