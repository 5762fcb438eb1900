classdef Account < handle
    properties (Access = private)
        Balance = 0
    end
    methods
        function obj = Account(initial)
           