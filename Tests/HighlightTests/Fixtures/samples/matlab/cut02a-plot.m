% Plot a damped oscillation
t = linspace(0, 10, 1000);
y = exp(-0.3 * t) .* cos(2 * pi * t);
fig