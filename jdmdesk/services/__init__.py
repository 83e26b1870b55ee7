"""Units of work per user action. QtCore only: each service emits its signal after the commit.

Every call answers with a ``results.ServiceResult``; a call the user may not make answers with a
refusal (``guard.refusal``); every write commits through ``results.commit``; "now" and "today"
come from the one clock the composition root passes in (``domain.clock``).
"""
