import SwiftUI

struct ContentView: View {
    @State private var name = ""
    @Binding var isOn: Bool
    @Environment(\.colorScheme) var scheme

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            TextField("Name", text: $name)
                .textFieldStyle(.roundedBorder)
            Toggle("Enabled", isOn: $isOn)
            if !name.isEmpty {