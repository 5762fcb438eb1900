classdef Account < handle
    properties (Access = private)
        Balance = 0
    end
    methods
        function obj = Account(initial)
            if nargin > 0
                obj.Balance = initial;
            end
        end
        function deposit(obj, amount)
            arguments
         