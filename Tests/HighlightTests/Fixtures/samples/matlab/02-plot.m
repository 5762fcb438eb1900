% Plot a damped oscillation
t = linspace(0, 10, 1000);
y = exp(-0.3 * t) .* cos(2 * pi * t);
figure('Name', 'Damped');
plot(t, y, 'LineWidth', 2); hold on;
xlabel('Time (s)'); ylabel("Amplitude");
title(sprintf('Decay rate %.1f', 0.3));
grid on
legend({'signal'}, 'Location', 'northeast')
