import SwiftUI

struct ContentView: View {
    @State private var name = ""
    @Binding var isOn: Bool
    @Environment(\.colorScheme) var scheme

    var body: some View {
        VStack(align