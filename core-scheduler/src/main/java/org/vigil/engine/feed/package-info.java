/**
 * What each check result feeds beyond the engine, as Nagios 4.4.6 does it: the performance data files and
 * commands ({@code xpddefault.c}) and the obsessive compulsive commands, OCSP and OCHP ({@code sehandlers.c}).
 * Macros are expanded on the engine thread, so they show the result just applied; files are written and
 * commands run on threads of their own, so a slow disk, pipe reader or command never holds up the checks.
 */
package org.vigil.engine.feed;
