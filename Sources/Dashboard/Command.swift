/// What a key binding does inside the app; `DashboardApp` turns a command into a state change and
/// possibly an `Action` for the caller.
public enum Command: Hashable, Sendable {
    case quit, help, filter, commandLine, alerts, explore, reload, cycleTheme
    case zoomIn, zoomOut, scrollBack, scrollForward, live, pause
    case nextTab, previousTab, selectTab
    case focusLeft, focusRight, focusUp, focusDown
    case maximize, back
    case sortNext, sortReverse
    case selectUp, selectDown, pageUp, pageDown
    case silence
    case graph, toggleTable, toggleRaw
    // Prompt editing (listed in the help; handled by the prompt).
    case promptAccept, promptCancel, promptErase
}
