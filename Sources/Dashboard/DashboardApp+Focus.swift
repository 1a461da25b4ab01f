/// Moving the focus between the visible panels of a dashboard by direction.
extension DashboardApp {
    enum Direction { case left, right, up, down }

    mutating func moveFocus(_ direction: Direction) {
        guard let d = dashboardIndex, maximized == nil else { return }
        let placements = GridLayout.compute(dashboards[d], in: bodyArea).placements
        guard !placements.isEmpty else { return }
        guard let current = focusedPanel, let here = placements.first(where: { $0.id == current }) else {
            focus[d] = placements[0].id
            return
        }
        let target: GridLayout.Placement?
        switch direction {
        case .left:
            target = placements.filter { $0.id.row == current.row && $0.id.column < current.column }.max { $0.id < $1.id }
        case .right:
            target = placements.filter { $0.id.row == current.row && $0.id.column > current.column }.min { $0.id < $1.id }
        case .up, .down:
            let rows = Set(placements.map(\.id.row)).sorted()
            let next = direction == .up ? rows.last { $0 < current.row } : rows.first { $0 > current.row }
            let center = here.rect.x + here.rect.width / 2
            target = next.flatMap { r in
                placements.filter { $0.id.row == r }.min {
                    abs($0.rect.x + $0.rect.width / 2 - center) < abs($1.rect.x + $1.rect.width / 2 - center)
                }
            }
        }
        if let t = target { focus[d] = t.id }
    }
}
